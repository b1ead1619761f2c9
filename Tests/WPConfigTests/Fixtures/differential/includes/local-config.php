<?php
define('LOCAL_DB', 'local_db');
$local = true;
