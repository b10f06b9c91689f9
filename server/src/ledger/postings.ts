/** Entry that undoes `original` for the customer: same size, opposite sign. */
export const reversalDelta = (originalCustomerDelta: bigint): bigint => -originalCustomerDelta;
