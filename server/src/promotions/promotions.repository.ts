import type { Sql } from '../db/sql.js';
import { toBigInt } from '../db/sql.js';
import type { PromoCodeTerms } from './promotions.rules.js';

export interface PromoCode extends PromoCodeTerms {
  id: string;
  redemptions: number;
  createdAt: Date;
}

type Row = Record<string, unknown>;

const toPromoCode = (r: Row): PromoCode => ({
  id: r.id as string,
  code: r.code as string,
  credits: toBigInt(r.credits),
  maxRedemptions: r.max_redemptions === null ? null : Number(r.max_redemptions),
  redemptions: Number(r.redemptions),
  expiresAt: r.expires_at ? new Date(r.expires_at as string) : null,
  grantValidDays: r.grant_valid_days === null ? null : Number(r.grant_valid_days),
  createdAt: new Date(r.created_at as string),
});

export async function insertPromoCode(sql: Sql, t: PromoCodeTerms, createdBy: string | null): Promise<PromoCode> {
  const rows = await sql.query<Row>(
    `insert into promo_codes (code, credits, max_redemptions, expires_at, grant_valid_days, created_by)
     values (?, ?::bigint, ?::int, ?::timestamptz, ?::int, ?::uuid) returning *`,
    [t.code, t.credits.toString(), t.maxRedemptions, t.expiresAt?.toISOString() ?? null, t.grantValidDays, createdBy],
  );
  return toPromoCode(rows[0]);
}

export async function findPromoCode(sql: Sql, code: string): Promise<PromoCode | null> {
  const rows = await sql.query<Row>(`select * from promo_codes where upper(code) = upper(?)`, [code]);
  return rows[0] ? toPromoCode(rows[0]) : null;
}

export async function findPromoCodeById(sql: Sql, id: string): Promise<PromoCode | null> {
  const rows = await sql.query<Row>(`select * from promo_codes where id = ?::uuid`, [id]);
  return rows[0] ? toPromoCode(rows[0]) : null;
}

export async function listPromoCodes(sql: Sql, limit: number): Promise<PromoCode[]> {
  const rows = await sql.query<Row>(`select * from promo_codes order by created_at desc, id limit ?::int`, [limit]);
  return rows.map(toPromoCode);
}

/**
 * Takes one redemption, atomically: the WHERE is re-checked on the latest row version after
 * waiting for its lock, so concurrent redeemers can never exceed `max_redemptions`.
 */
export async function takeRedemption(sql: Sql, promoCodeId: string): Promise<PromoCode | null> {
  const rows = await sql.query<Row>(
    `update promo_codes set redemptions = redemptions + 1
      where id = ?::uuid and (max_redemptions is null or redemptions < max_redemptions)
        and (expires_at is null or expires_at > clock_timestamp())
      returning *`,
    [promoCodeId],
  );
  return rows[0] ? toPromoCode(rows[0]) : null;
}

export async function insertRedemption(sql: Sql, promoCodeId: string, accountId: string, transactionId: string) {
  await sql.query(`insert into promo_redemptions (promo_code_id, account_id, transaction_id) values (?::uuid, ?::uuid, ?::uuid)`, [
    promoCodeId,
    accountId,
    transactionId,
  ]);
}

export async function hasRedeemed(sql: Sql, promoCodeId: string, accountId: string): Promise<boolean> {
  const rows = await sql.query(`select 1 from promo_redemptions where promo_code_id = ?::uuid and account_id = ?::uuid`, [
    promoCodeId,
    accountId,
  ]);
  return rows.length > 0;
}
