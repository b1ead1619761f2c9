extension Doctor {
  /// The troubleshooting guide's advice, one place.
  package enum Hints {
    package static let config =
      "Run closte in the WordPress folder (or below it), or give --path=<wordpress folder> or --config=<file>."
    package static let multisite =
      "Ultimate Multisite needs a multisite network: define('MULTISITE', true); in wp-config.php "
      + "(WordPress's Network Setup adds it)."
    package static let sunrise =
      "Domain mapping needs define('SUNRISE', true); in wp-config.php (Ultimate Multisite adds it on install)."
    package static let domainCurrentSite =
      "Define DOMAIN_CURRENT_SITE (the network's main domain) in wp-config.php, as WordPress's Network Setup does."
    package static let apiKey =
      "On Closte, CLOSTE_CLIENT_API_KEY is defined in wp-config.php already; elsewhere set the environment "
      + "variable CLOSTE_CLIENT_API_KEY."
    package static let closteAPI =
      "Check the key in the Closte dashboard, and that the server can reach app.closte.com."
    package static let dns = "Point the domain at the Closte server's IP address, then wait for DNS to propagate."
    package static let ssl = "SSL can take 5-10 minutes after the domain is added and points at the server."
  }
}
