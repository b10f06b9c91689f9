import { graphql } from '../../shared/gql';

export const PromoCodesQuery = graphql(`
  query PromoCodes {
    promoCodes(first: 500) { id code creditsMillicredits maxRedemptions redemptions expiresAt grantValidDays createdAt }
  }
`);

export const CreatePromoCodeMutation = graphql(`
  mutation CreatePromoCode($input: CreatePromoCodeInput!) {
    createPromoCode(input: $input) { id code creditsMillicredits maxRedemptions redemptions expiresAt grantValidDays createdAt }
  }
`);
