import { searchFlows, searchVersions } from './listSearch';

export { DEPLOYED_VERSION, flowLocator, versionIdOf, versionLocator } from './locators';

export const listSearch = { searchFlows, searchVersions };
