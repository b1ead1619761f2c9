<?php
define( 'MULTISITE', true );
define( 'SUBDOMAIN_INSTALL', true );
define( 'DOMAIN_CURRENT_SITE', 'network.test' );
define( 'CLOSTE_WWW_SUBDOMAIN', true );
