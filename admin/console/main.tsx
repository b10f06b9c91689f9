import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root')!).render(<p>The console is being built.</p>);
