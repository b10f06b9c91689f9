import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import { useEffect } from 'react';
import { formatCredits } from '../../server/src/money/format';
import type { Account, Balance } from './account';

export function CheckoutNotice(props: {
  params: URLSearchParams;
  returnTo: string | null;
  purchases: Account['purchases'];
  onSeen: () => void;
}) {
  const outcome = props.params.get('checkout');
  const purchaseId = props.params.get('purchase');
  const purchase = props.purchases.find((p) => p.id === purchaseId);
  const pending = outcome === 'success' && purchase?.status === 'PENDING';
  const { onSeen } = props;

  // Stripe may report the payment a moment after the redirect: look again until it is fulfilled.
  useEffect(() => {
    if (!pending) return;
    const timer = setTimeout(onSeen, 2000);
    return () => clearTimeout(timer);
  }, [pending, onSeen]);

  if (outcome !== 'success' && outcome !== 'cancel') return null;
  const back = props.returnTo && (
    <Button color="inherit" variant="outlined" size="small" href={props.returnTo}>
      Back to the app
    </Button>
  );
  if (outcome === 'cancel')
    return (
      <Alert severity="info" action={back}>
        Checkout was cancelled; nothing was charged.
      </Alert>
    );
  return (
    <Alert severity="success" action={back} role="status" data-testid="checkout-success">
      <AlertTitle>Thank you for your purchase</AlertTitle>
      {purchase && !pending
        ? `${formatCredits(purchase.creditsMillicredits, { decimals: 'trim' })} credits were added to your balance.`
        : 'Your payment is being confirmed; the credits appear here in a moment.'}
    </Alert>
  );
}

/** Below the account's low-balance threshold (the one its alerts use), or its auto-recharge threshold if higher. */
export function LowBalanceBanner(props: {
  balance: Balance;
  alert: Account['lowBalanceAlert'];
  autoRecharge: Account['autoRecharge'];
  inTeam?: boolean;
}) {
  const { balance, autoRecharge } = props;
  const alertAt = BigInt(props.alert.thresholdMillicredits);
  const rechargeAt = autoRecharge?.enabled ? BigInt(autoRecharge.thresholdMillicredits) : 0n;
  const threshold = rechargeAt > alertAt ? rechargeAt : alertAt;
  const available = BigInt(balance.availableMillicredits);
  if (available >= threshold) return null;
  return (
    <Alert severity="warning" data-testid="low-balance">
      <AlertTitle>{available <= 0n ? 'You are out of credits' : 'Your balance is low'}</AlertTitle>
      {available <= 0n
        ? props.inTeam
          ? 'Calls on your own account are refused until you buy credits; calls charged to your team use the team’s credits.'
          : 'Model calls are refused until you buy credits.'
        : `Fewer than ${formatCredits(threshold, { decimals: 'trim' })} credits left.`}{' '}
      {autoRecharge?.enabled ? 'Auto-recharge is on.' : 'Buy a pack below or turn on auto-recharge.'}
    </Alert>
  );
}
