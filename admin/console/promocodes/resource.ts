import type { PromoCodesQuery } from '../../shared/gql/graphql';
import { parseCredits } from '../../shared/money';
import { api } from '../api';
import { pageLocally, type ResourceSpec } from '../dataProvider';
import { CreatePromoCodeMutation, PromoCodesQuery as Query } from './operations';

export type PromoCode = PromoCodesQuery['promoCodes'][number];

/** The create form's values: credits typed by a person, converted exactly. */
export interface PromoForm {
  code: string;
  credits: string;
  maxRedemptions?: number | null;
  expiresAt?: string | null;
  grantValidDays?: number | null;
}

export const promoCodesResource: ResourceSpec<PromoCode> = {
  list: async (req) =>
    pageLocally((await api.request(Query)).promoCodes, req.sort.field === 'id' ? { ...req, sort: { field: 'createdAt', order: 'DESC' } } : req, (p, f) =>
      !f.q || p.code.toLowerCase().includes(String(f.q).toLowerCase()),
    ),
  create: async (data) => {
    const form = data as unknown as PromoForm;
    const credits = parseCredits(form.credits ?? '');
    if (!credits.ok) throw new Error(credits.error);
    const { createPromoCode } = await api.request(CreatePromoCodeMutation, {
      input: {
        code: form.code.trim(),
        creditsMillicredits: credits.millicredits.toString(),
        maxRedemptions: form.maxRedemptions ?? null,
        expiresAt: form.expiresAt ? new Date(form.expiresAt).toISOString() : null,
        grantValidDays: form.grantValidDays ?? null,
      },
    });
    return createPromoCode;
  },
};
