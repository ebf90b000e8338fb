const { stopApiServer } = require('./api-server.cjs');

module.exports = async () => {
  await stopApiServer();
};
