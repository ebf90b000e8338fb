module.exports = require('../support/jest-base.cjs')('integration');
