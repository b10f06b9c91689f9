import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Skeleton from '@mui/material/Skeleton';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useId, type ReactNode } from 'react';

export interface Column<T> {
  label: string;
  value: (row: T) => ReactNode;
  numeric?: boolean;
}

/** A chart with its figures in a table beside it (below it on a phone); loading and empty states. */
export function ChartPanel<T>(props: {
  title: string;
  subtitle?: string;
  loading: boolean;
  rows: T[];
  empty?: boolean;
  chart: ReactNode;
  columns: Column<T>[];
  rowKey: (row: T) => string;
  testId?: string;
}) {
  const id = useId();
  const empty = props.empty ?? props.rows.length === 0;
  return (
    <Card component="section" aria-labelledby={id} variant="outlined" data-testid={props.testId}>
      <CardContent>
        <Typography id={id} variant="h6" component="h2">
          {props.title}
        </Typography>
        {props.subtitle && (
          <Typography variant="body2" color="text.secondary">
            {props.subtitle}
          </Typography>
        )}
        {props.loading ? (
          <Box role="status" aria-label={`Loading ${props.title}`}>
            <Skeleton variant="rounded" height={240} sx={{ mt: 1 }} />
          </Box>
        ) : empty ? (
          <Box sx={{ py: 6, textAlign: 'center', color: 'text.secondary' }} data-testid="empty">
            No data in this range.
          </Box>
        ) : (
          <Box
            sx={{
              display: 'grid',
              gap: 2,
              mt: 1,
              gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 3fr) minmax(0, 2fr)' },
              alignItems: 'start',
            }}
          >
            <Box sx={{ minWidth: 0 }} data-testid="chart">
              {props.chart}
            </Box>
            <FiguresTable title={props.title} columns={props.columns} rows={props.rows} rowKey={props.rowKey} />
          </Box>
        )}
      </CardContent>
    </Card>
  );
}

/** The chart's figures as a table, scrollable on its own. */
function FiguresTable<T>(props: { title: string; columns: Column<T>[]; rows: T[]; rowKey: (row: T) => string }) {
  return (
    <TableContainer sx={{ maxHeight: 280 }} tabIndex={0} aria-label={`${props.title}: table`}>
      <Table size="small" stickyHeader>
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
          {props.rows.map((row) => (
            <TableRow key={props.rowKey(row)}>
              {props.columns.map((c) => (
                <TableCell key={c.label} align={c.numeric ? 'right' : 'left'} sx={{ whiteSpace: 'nowrap' }}>
                  {c.value(row)}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

export function StatCard({ label, value, detail, testId }: { label: string; value: ReactNode; detail?: ReactNode; testId?: string }) {
  return (
    <Card variant="outlined" data-testid={testId}>
      <CardContent>
        <Typography variant="body2" color="text.secondary" component="h3">
          {label}
        </Typography>
        <Typography variant="h5" component="div" sx={{ fontWeight: 600 }}>
          {value}
        </Typography>
        {detail && (
          <Typography variant="body2" color="text.secondary">
            {detail}
          </Typography>
        )}
      </CardContent>
    </Card>
  );
}
