package org.mandate.reminder;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The reminders' settings (their schedule runs on the application's scheduler). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReminderSettings.class)
class ReminderConfiguration {}
