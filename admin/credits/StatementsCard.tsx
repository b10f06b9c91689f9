import Button from '@mui/material/Button';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import { useState } from 'react';
import { formatMonth, monthsSince } from '../shared/dates';
import { ErrorText } from './ErrorText';
import { Section } from './Section';
import { download } from './session';

/** The account's monthly statements, from its first month (there is nothing to state before it). */
export function StatementsCard({ since }: { since: string }) {
  const [error, setError] = useState<string | null>(null);
  const get = (month: string, ext: 'csv' | 'pdf') => {
    setError(null);
    download(`/statements/${month}.${ext}`, `creditmeter-statement-${month}.${ext}`).catch((err: Error) => setError(err.message));
  };
  return (
    <Section title="Monthly statements">
      <List dense disablePadding>
        {monthsSince(since, 6).map((month) => (
          <ListItem
            key={month}
            disableGutters
            secondaryAction={
              <Stack direction="row" spacing={1}>
                <Button
                  size="small"
                  href={`/statements/${month}.csv`}
                  onClick={(e) => (e.preventDefault(), get(month, 'csv'))}
                  aria-label={`${formatMonth(month)} statement, CSV`}
                >
                  CSV
                </Button>
                <Button
                  size="small"
                  href={`/statements/${month}.pdf`}
                  onClick={(e) => (e.preventDefault(), get(month, 'pdf'))}
                  aria-label={`${formatMonth(month)} statement, PDF`}
                >
                  PDF
                </Button>
              </Stack>
            }
          >
            <ListItemText primary={formatMonth(month)} />
          </ListItem>
        ))}
      </List>
      <ErrorText error={error} />
    </Section>
  );
}
