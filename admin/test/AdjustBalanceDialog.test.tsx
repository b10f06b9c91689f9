import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AdjustBalanceDialog, type AdjustmentRequest } from '../console/accounts/AdjustBalanceDialog';

afterEach(cleanup);

function setup(balance = '11000000') {
  const submit = vi.fn<(r: AdjustmentRequest) => Promise<unknown>>().mockResolvedValue({});
  const onDone = vi.fn();
  render(<AdjustBalanceDialog open accountId="acc-1" email="a@example.test" balanceMillicredits={balance} onClose={() => undefined} submit={submit} onDone={onDone} />);
  return { submit, onDone, user: userEvent.setup({ delay: null }) };
}

describe('Adjust balance dialog', () => {
  it('converts the credits typed exactly, confirms with the balance before and after, then submits once', async () => {
    const { submit, onDone, user } = setup('11000000');
    await user.type(screen.getByLabelText(/Amount \(credits\)/), '1,234.567');
    expect(screen.getByText('+1,234.567 credits = 1234567 millicredits')).toBeTruthy();
    await user.type(screen.getByLabelText(/^Reason/), 'Goodwill for incident');
    await user.type(screen.getByLabelText(/Reference id/), 'INC-7');
    await user.click(screen.getByRole('button', { name: 'Review' }));

    const confirmation = within(screen.getByTestId('adjust-confirmation'));
    expect(confirmation.getByText('11,000.000 credits')).toBeTruthy();
    expect(confirmation.getByText('+1,234.567 credits')).toBeTruthy();
    expect(screen.getByTestId('adjust-after').textContent).toBe('12,234.567 credits');
    expect(submit).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Apply adjustment' }));
    expect(submit).toHaveBeenCalledTimes(1);
    const request = submit.mock.calls[0][0];
    expect(request).toMatchObject({ accountId: 'acc-1', amountMillicredits: '1234567', reason: 'Goodwill for incident', referenceId: 'INC-7' });
    expect(request.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(onDone).toHaveBeenCalledWith('1234567');
  });

  it('debits with a negative amount and warns when the balance goes below zero', async () => {
    const { submit, user } = setup('500');
    await user.type(screen.getByLabelText(/Amount \(credits\)/), '-0.501');
    await user.type(screen.getByLabelText(/^Reason/), 'Chargeback');
    await user.click(screen.getByRole('button', { name: 'Review' }));
    expect(screen.getByTestId('adjust-after').textContent).toBe('-0.001 credits');
    expect(screen.getByText('The balance goes below zero.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Apply adjustment' }));
    expect(submit.mock.calls[0][0]).toMatchObject({ amountMillicredits: '-501', referenceId: null });
  });

  it('requires a reason and an exact amount before it offers a confirmation', async () => {
    const { submit, user } = setup();
    await user.click(screen.getByRole('button', { name: 'Review' }));
    expect(screen.getByText('Enter an amount')).toBeTruthy();
    expect(screen.getByText(/A reason is required/)).toBeTruthy();

    await user.type(screen.getByLabelText(/Amount \(credits\)/), '0.0001');
    await user.type(screen.getByLabelText(/^Reason/), 'x');
    await user.click(screen.getByRole('button', { name: 'Review' }));
    expect(screen.getByText(/At most three decimals/)).toBeTruthy();
    expect(screen.queryByTestId('adjust-confirmation')).toBeNull();

    await user.clear(screen.getByLabelText(/Amount \(credits\)/));
    await user.type(screen.getByLabelText(/Amount \(credits\)/), '0');
    await user.click(screen.getByRole('button', { name: 'Review' }));
    expect(screen.getByText('The amount cannot be zero')).toBeTruthy();
    expect(submit).not.toHaveBeenCalled();
  });

  it('shows the server refusal and keeps the form', async () => {
    const submit = vi.fn().mockRejectedValue(new Error('Adjusting balances needs the ADMIN role'));
    render(<AdjustBalanceDialog open accountId="acc-1" email="a@example.test" balanceMillicredits="0" onClose={() => undefined} submit={submit} onDone={() => undefined} />);
    const user = userEvent.setup({ delay: null });
    await user.type(screen.getByLabelText(/Amount \(credits\)/), '5');
    await user.type(screen.getByLabelText(/^Reason/), 'test');
    await user.click(screen.getByRole('button', { name: 'Review' }));
    await user.click(screen.getByRole('button', { name: 'Apply adjustment' }));
    expect(await screen.findByText('Adjusting balances needs the ADMIN role')).toBeTruthy();
    expect((screen.getByLabelText(/Amount \(credits\)/) as HTMLInputElement).value).toBe('5');
  });
});
