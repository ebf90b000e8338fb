module.exports = require('../support/jest-base.cjs')('e2e');
