import WebhookIcon from '@mui/icons-material/Webhook';
import SettingsInputAntennaIcon from '@mui/icons-material/SettingsInputAntenna';
import { lazy } from 'react';

export const webhooks = { page: lazy(() => import('./WebhooksPage')), icon: WebhookIcon };

export const webhookEndpoints = {
  list: lazy(() => import('./EndpointList')),
  show: lazy(() => import('./EndpointShow')),
  create: lazy(() => import('./EndpointCreate')),
  icon: SettingsInputAntennaIcon,
};
