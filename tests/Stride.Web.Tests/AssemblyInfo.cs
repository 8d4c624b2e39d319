// WebApplicationFactory finds the app's host by listening for any host being built in the process; two test classes
// building hosts at once (a factory here, StrideWebApp.Create or Kestrel there) can hand one the other's host, which
// is then disposed under it (seen as a rare ObjectDisposedException). The web tests therefore run one class at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
