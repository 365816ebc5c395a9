// The application version, read from package.json at build time (bundlers inline the JSON).
import packageJson from '../package.json';

export const APP_VERSION: string = packageJson.version;
