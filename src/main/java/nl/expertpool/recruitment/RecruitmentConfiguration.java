package nl.expertpool.recruitment;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({CallForExperts.Limits.class})
class RecruitmentConfiguration {}
