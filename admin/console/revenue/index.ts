import RequestQuoteIcon from '@mui/icons-material/RequestQuote';
import { lazy } from 'react';

export const revenue = { page: lazy(() => import('./RevenuePage')), icon: RequestQuoteIcon };
