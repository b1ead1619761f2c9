<?php
define( 'MULTISITE', true );
define( 'SUBDOMAIN_INSTALL', true );
define( 'DOMAIN_CURRENT_SITE', 'Network.Test' );
define( 'CLOSTE_WWW_SUBDOMAIN', 'main_only' );
