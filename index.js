'use strict';

module.exports = {
	PatchworksApi: require('./dist/credentials/PatchworksApi.credentials.js').PatchworksApi,
	Patchworks: require('./dist/nodes/Patchworks/Patchworks.node.js').Patchworks,
};
