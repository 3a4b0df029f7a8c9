window.staticAssetLoaded = "yes";
