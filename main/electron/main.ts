export {}; console.log('main');
