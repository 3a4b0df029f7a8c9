// A script in a subfolder of assets/: Dash loads every .js found there.
window.nestedAssetLoaded = true;
window.dash_clientside = Object.assign({}, window.dash_clientside, {
  nested: { stamp: (v) => "nested " + v },
});
