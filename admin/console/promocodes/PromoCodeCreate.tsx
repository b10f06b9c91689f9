import { Create, DateTimeInput, NumberInput, SimpleForm, TextInput, required } from 'react-admin';
import { parseCredits } from '../../shared/money';

const credits = (value: string) => {
  if (!value) return undefined;
  const parsed = parseCredits(value);
  return parsed.ok ? (parsed.millicredits > 0n ? undefined : 'Must be more than zero') : parsed.error;
};

export default function PromoCodeCreate() {
  return (
    <Create title="New promo code" redirect="list">
      <SimpleForm>
        <TextInput source="code" validate={required()} helperText="Letters and digits; redeemed case-insensitively" />
        <TextInput source="credits" label="Credits per redemption" validate={[required(), credits]} helperText="Exact, up to three decimals (1,000 credits = $1.00)" />
        <NumberInput source="maxRedemptions" label="Maximum redemptions" min={1} step={1} helperText="Empty: unlimited" />
        <DateTimeInput source="expiresAt" label="Code expires at" helperText="Empty: never" />
        <NumberInput source="grantValidDays" label="Credits expire after (days)" min={1} step={1} helperText="Empty: the credits do not expire" />
      </SimpleForm>
    </Create>
  );
}
