<?php
define('ONCE_COUNT', 'once');
$once_seen = isset($once_seen) ? 'twice' : 'once';
