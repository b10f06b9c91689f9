import { createTheme } from '@mui/material/styles';

/** Colours chosen for WCAG AA contrast on white (axe checks every page). */
export const theme = createTheme({
  palette: {
    primary: { main: '#1a56b8' },
    secondary: { main: '#5b3aa6' },
    background: { default: '#f5f6f8' },
  },
  shape: { borderRadius: 10 },
  typography: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif' },
});
