import DashboardIcon from '@mui/icons-material/Dashboard';
import { lazy, Suspense, useEffect } from 'react';
import {
  Admin,
  AppBar,
  CustomRoutes,
  Layout,
  Logout,
  Menu,
  Resource,
  UserMenu,
  defaultTheme,
  type LayoutProps,
  useGetIdentity,
  usePermissions,
} from 'react-admin';
import { BrowserRouter, Route } from 'react-router-dom';
import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import { accounts } from './accounts';
import { auditLog } from './audit';
import { priceCatalog } from './catalog';
import { purchases } from './purchases';
import { authProvider } from './auth/authProvider';
import { promoCodes } from './promocodes';
import { rateCards } from './ratecards';
import { reconciliation } from './reconciliation';
import { revenue } from './revenue';
import { dataProvider } from './resources';
import { atLeast } from './roles';
import { staffUsers } from './staff';
import { teams } from './teams';
import { webhookEndpoints, webhooks } from './webhooks';

const Dashboard = lazy(() => import('./dashboard/Dashboard'));

const i18nProvider = polyglotI18nProvider(
  () => ({ ...englishMessages, ra: { ...englishMessages.ra, auth: { ...englishMessages.ra.auth, username: 'Email' } } }),
  'en',
  { allowMissing: true },
);

const theme = {
  ...defaultTheme,
  palette: { ...defaultTheme.palette, primary: { main: '#1a56b8' }, secondary: { main: '#3f3d99' } },
  // react-admin's loading indicator is a bare spinner: give every spinner a name for screen readers.
  components: {
    ...defaultTheme.components,
    MuiCircularProgress: { defaultProps: { 'aria-label': 'Loading' } },
    // On a phone a wide table scrolls inside its card instead of widening the page.
    RaDatagrid: { styleOverrides: { root: { '& .RaDatagrid-tableWrapper': { overflowX: 'auto' } } } },
  },
};

/** The user menu is named after who is signed in, as it reads on screen. */
function ConsoleUserMenu() {
  const { identity } = useGetIdentity();
  return (
    <UserMenu label={identity?.fullName ?? 'Account'}>
      <Logout />
    </UserMenu>
  );
}

const ConsoleAppBar = () => <AppBar userMenu={<ConsoleUserMenu />} />;

function ConsoleMenu() {
  const { permissions } = usePermissions<string>();
  return (
    <Menu>
      <Menu.DashboardItem primaryText="Dashboard" leftIcon={<DashboardIcon />} />
      <Menu.ResourceItem name="accounts" />
      <Menu.ResourceItem name="teams" />
      {atLeast(permissions, 'SUPPORT') && <Menu.ResourceItem name="purchases" />}
      {atLeast(permissions, 'SUPPORT') && <Menu.Item to="/webhooks" primaryText="Stripe webhooks" leftIcon={<webhooks.icon />} />}
      {atLeast(permissions, 'SUPPORT') && <Menu.ResourceItem name="webhookEndpoints" />}
      {atLeast(permissions, 'FINANCE') && <Menu.ResourceItem name="rateCards" />}
      {atLeast(permissions, 'FINANCE') && <Menu.Item to="/catalog" primaryText="Price catalogue" leftIcon={<priceCatalog.icon />} />}
      {atLeast(permissions, 'FINANCE') && <Menu.Item to="/revenue" primaryText="Revenue" leftIcon={<revenue.icon />} />}
      {atLeast(permissions, 'FINANCE') && <Menu.ResourceItem name="reconciliation" />}
      {atLeast(permissions, 'FINANCE') && <Menu.ResourceItem name="auditLog" />}
      {atLeast(permissions, 'ADMIN') && <Menu.ResourceItem name="promoCodes" />}
      {atLeast(permissions, 'ADMIN') && <Menu.ResourceItem name="staffUsers" />}
    </Menu>
  );
}

/**
 * react-admin's tables scroll sideways on a phone (see the theme): a scrolling region must be
 * reachable by keyboard, and react-admin offers no prop for it, so each table wrapper gets one.
 */
function useFocusableTableScroll() {
  useEffect(() => {
    const mark = () =>
      document.querySelectorAll<HTMLElement>('.RaDatagrid-tableWrapper:not([tabindex])').forEach((el) => {
        el.tabIndex = 0;
        el.setAttribute('role', 'region');
        el.setAttribute('aria-label', 'Table (scrolls sideways)');
      });
    mark();
    const observer = new MutationObserver(mark);
    observer.observe(document.body, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, []);
}

function ConsoleLayout(props: LayoutProps) {
  useFocusableTableScroll();
  return (
    <Layout
      {...props}
      menu={ConsoleMenu}
      appBar={ConsoleAppBar}
      sx={{
        minWidth: 0,
        '& .RaLayout-appFrame, & .RaLayout-contentWithSidebar, & .RaLayout-content, & .RaList-main, & .RaShow-main': { minWidth: 0 },
      }}
    >
      <Suspense fallback={null}>{props.children}</Suspense>
    </Layout>
  );
}

/** The pages each role sees (react-admin reads these elements directly: a plain function, not a component). */
function consoleResources(permissions: string | undefined) {
  return (
    <>
      <Resource
        name="accounts"
        options={{ label: 'Accounts' }}
        {...accounts}
        create={atLeast(permissions, 'ADMIN') ? accounts.create : undefined}
        recordRepresentation="email"
      />
      {atLeast(permissions, 'FINANCE') && (
        <Resource
          name="rateCards"
          options={{ label: 'Rate cards' }}
          {...rateCards}
          create={atLeast(permissions, 'ADMIN') ? rateCards.create : undefined}
          recordRepresentation={(c) => `v${c.version} ${c.name}`}
        />
      )}
      <Resource
        name="teams"
        options={{ label: 'Teams' }}
        {...teams}
        create={atLeast(permissions, 'ADMIN') ? teams.create : undefined}
        recordRepresentation="name"
      />
      <Resource name="purchases" options={{ label: 'Purchases' }} {...purchases} />
      <Resource
        name="webhookEndpoints"
        options={{ label: 'Webhook endpoints' }}
        {...webhookEndpoints}
        create={atLeast(permissions, 'ADMIN') ? webhookEndpoints.create : undefined}
        recordRepresentation="url"
      />
      {atLeast(permissions, 'FINANCE') && <Resource name="auditLog" options={{ label: 'Audit log' }} {...auditLog} />}
      {atLeast(permissions, 'FINANCE') && (
        <Resource name="reconciliation" options={{ label: 'Reconciliation' }} {...reconciliation} recordRepresentation="day" />
      )}
      {atLeast(permissions, 'ADMIN') && (
        <Resource name="promoCodes" options={{ label: 'Promo codes' }} {...promoCodes} recordRepresentation="code" />
      )}
      {atLeast(permissions, 'ADMIN') && (
        <Resource name="staffUsers" options={{ label: 'Staff users' }} {...staffUsers} recordRepresentation="email" />
      )}
      <CustomRoutes>
        <Route path="/webhooks" element={<webhooks.page />} />
        {atLeast(permissions, 'FINANCE') && <Route path="/revenue" element={<revenue.page />} />}
        {atLeast(permissions, 'FINANCE') && <Route path="/catalog" element={<priceCatalog.page />} />}
      </CustomRoutes>
    </>
  );
}

export function App() {
  return (
    // Real paths (/admin/accounts/42/show), not react-admin's default hash routes: the server falls back to this page.
    <BrowserRouter basename="/admin">
      <Admin
        title="creditmeter console"
        dataProvider={dataProvider}
        authProvider={authProvider}
        i18nProvider={i18nProvider}
        dashboard={Dashboard}
        layout={ConsoleLayout}
        theme={theme}
        requireAuth
        disableTelemetry
      >
        {consoleResources}
      </Admin>
    </BrowserRouter>
  );
}
