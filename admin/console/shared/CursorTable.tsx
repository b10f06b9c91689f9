import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Skeleton from '@mui/material/Skeleton';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import Alert from '@mui/material/Alert';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type ReactNode } from 'react';
import { errorMessage } from '../../shared/client';
import { useCursorPages, type CursorPage } from '../../shared/paging';

export interface Col<T> {
  label: string;
  value: (row: T) => ReactNode;
  numeric?: boolean;
}

/** A table over a cursor connection (newest first): Newer / Older pages. */
export function CursorTable<T>(props: {
  queryKey: unknown[];
  load: (after: string | null) => Promise<CursorPage<T>>;
  columns: Col<T>[];
  rowKey: (row: T) => string;
  label: string;
  empty: string;
}) {
  const pages = useCursorPages();
  const after = pages.after;
  const query = useQuery({ queryKey: [...props.queryKey, after], queryFn: () => props.load(after), placeholderData: keepPreviousData });
  if (query.isError) return <Alert severity="error">{errorMessage(query.error)}</Alert>;
  if (!query.data)
    return (
      <Box role="status" aria-label={`Loading ${props.label}`}>
        <Skeleton variant="rounded" height={160} />
      </Box>
    );
  const { rows, endCursor, hasNextPage } = query.data;
  return (
    <Box>
      {rows.length === 0 ? (
        <Typography color="text.secondary">{props.empty}</Typography>
      ) : (
        <TableContainer tabIndex={0} aria-label={`${props.label}, scrollable`}>
          <Table size="small">
            <TableHead>
              <TableRow>
                {props.columns.map((c) => (
                  <TableCell key={c.label} align={c.numeric ? 'right' : 'left'}>
                    {c.label}
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((row) => (
                <TableRow key={props.rowKey(row)}>
                  {props.columns.map((c) => (
                    <TableCell key={c.label} align={c.numeric ? 'right' : 'left'} sx={{ whiteSpace: c.numeric ? 'nowrap' : undefined }}>
                      {c.value(row)}
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      <Box sx={{ display: 'flex', gap: 1, mt: 1 }}>
        <Button size="small" disabled={pages.page === 0} onClick={pages.newer}>
          Newer
        </Button>
        <Button size="small" disabled={!hasNextPage} onClick={() => pages.older(endCursor)}>
          Older
        </Button>
      </Box>
    </Box>
  );
}
