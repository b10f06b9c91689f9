import helmet from 'helmet';

/**
 * helmet with a strict Content-Security-Policy. The pages (console, Credits page, GraphiQL) are
 * Vite bundles served from this origin: scripts only from 'self', never inline. Styles may be
 * inline because MUI (emotion) and the GraphiQL editor inject <style> elements at run time;
 * workers and fonts come from the same bundles. HSTS in production only (local HTTP stays usable).
 */
export const securityHeaders = (isProduction: boolean) =>
  helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: isProduction ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });
