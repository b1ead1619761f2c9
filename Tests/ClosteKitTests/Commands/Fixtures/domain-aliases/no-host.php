<?php
define( 'MULTISITE', true );
