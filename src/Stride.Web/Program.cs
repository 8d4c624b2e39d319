using Stride.Web;

// The same app `stride serve` starts; see StrideWebApp for what it registers and maps.
var app = StrideWebApp.Create(args);
await app.RunAsync();
