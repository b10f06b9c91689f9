import WebhookIcon from '@mui/icons-material/Webhook';
import { lazy } from 'react';

export const webhooks = { page: lazy(() => import('./WebhooksPage')), icon: WebhookIcon };
