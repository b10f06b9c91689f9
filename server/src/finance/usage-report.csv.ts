import type { UsageReportRowGql } from './usage-report.graphql.js';

/** Text a spreadsheet would run as a formula (a key label "=HYPERLINK(…)") is kept as text. */
const inert = (value: string | null) => (value !== null && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/** The report as CSV rows (`USAGE_CSV_COLUMNS`): amounts exact, millicredits as integers, USD with 6 decimals. */
export const usageReportCsvRows = (rows: UsageReportRowGql[]): (string | null)[][] =>
  rows.map((r) => [
    r.day,
    inert(r.model),
    r.apiKeyId,
    inert(r.apiKeyLabel),
    r.memberAccountId,
    inert(r.memberEmail),
    r.accountId,
    inert(r.accountEmail),
    ...[r.calls, r.inputTokens, r.cachedInputTokens, r.outputTokens].map(String),
    ...[r.cacheWriteInputTokens, r.cacheWrite1hInputTokens, r.audioInputTokens, r.audioOutputTokens, r.imageInputTokens].map(String),
    String(r.reasoningTokens),
    r.chargedMillicredits,
    r.costUsd,
    r.marginUsd,
  ]);
