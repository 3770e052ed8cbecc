import { fromRoot } from '../project-root';

/** Where `npm run build` puts the console, and where its sources are: the same from src/ and dist/. */
export const consoleDir = () => fromRoot('dist', 'console');
export const consoleSourceDir = () => fromRoot('src', 'console', 'app');
