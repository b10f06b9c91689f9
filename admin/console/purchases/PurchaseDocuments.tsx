import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';

/** The purchase's invoice (and its PDF) and receipt at Stripe, each opened in a new tab; a dash when there is none. */
export function PurchaseDocuments(props: { invoiceUrl: string | null; invoicePdfUrl?: string | null; receiptUrl: string | null }) {
  const links = [
    ['Invoice', props.invoiceUrl],
    ['Invoice PDF', props.invoicePdfUrl ?? null],
    ['Receipt', props.receiptUrl],
  ].filter((l): l is [string, string] => Boolean(l[1]));
  if (!links.length) return <>—</>;
  return (
    <Stack direction="row" spacing={1.5} component="span">
      {links.map(([label, href]) => (
        <Link key={label} href={href} target="_blank" rel="noopener noreferrer" onClick={(e) => e.stopPropagation()}>
          {label}
        </Link>
      ))}
    </Stack>
  );
}
