<html><!-- define('IN_HTML', 1); -->
<?php define('AFTER_HTML', 1) ?>
text between <?php define('IN_SECOND_BLOCK', 2); ?>
<?= 'echoed' ?>
<?php
define('LAST_BLOCK', 3);
