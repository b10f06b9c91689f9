import HistoryIcon from '@mui/icons-material/History';
import { lazy } from 'react';

export const auditLog = { list: lazy(() => import('./AuditLogList')), icon: HistoryIcon };
