import RuleIcon from '@mui/icons-material/Rule';
import { lazy } from 'react';

export const reconciliation = {
  list: lazy(() => import('./ReconciliationList')),
  show: lazy(() => import('./ReconciliationShow')),
  icon: RuleIcon,
};
