package org.mandate.database;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Starts the embedded PostgreSQL when no external database is configured. With
 * {@code spring.datasource.url} set, this configuration steps aside and Spring Boot's own
 * datasource configuration takes over: pointing Mandate at another server is configuration only.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalDatabase.class)
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
class EmbeddedDatabaseConfiguration {

    @Bean
    EmbeddedDatabase embeddedDatabase(EmbeddedDatabaseProperties properties) {
        return EmbeddedDatabase.shared(properties);
    }

    @Bean
    DataSource dataSource(EmbeddedDatabase database) {
        var dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(database.jdbcUrl());
        dataSource.setUsername("postgres");
        dataSource.setPoolName("mandate");
        dataSource.setMaximumPoolSize(10);
        return dataSource;
    }
}
