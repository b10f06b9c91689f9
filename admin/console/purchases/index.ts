import ReceiptIcon from '@mui/icons-material/Receipt';
import { lazy } from 'react';

export const purchases = { list: lazy(() => import('./PurchaseList')), show: lazy(() => import('./PurchaseShow')), icon: ReceiptIcon };
