// A worker script that fails as it loads (for the pool tests): no supervisor ever says "ready".
throw new Error('this worker script is broken on purpose');
