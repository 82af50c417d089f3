package dev.rekoface.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekoface.Operation;
import dev.rekoface.RekofaceAsyncClient;
import dev.rekoface.RekofaceClient;
import dev.rekoface.RekofaceException;
import dev.rekoface.retry.OperationMetrics;
import dev.rekoface.retry.RetryPolicy;
import dev.rekoface.s3.S3Images;
import dev.rekoface.testkit.emulator.FaultProfile;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rekognition.RekognitionAsyncClient;
import software.amazon.awssdk.services.rekognition.RekognitionClient;
import software.amazon.awssdk.services.s3.S3Client;

/** Each condition, bean and customizer of {@link RekofaceAutoConfiguration}, with real calls to the emulator. */
class RekofaceAutoConfigurationTest extends EmulatorBackedTest {

    private ApplicationContextRunner local() {
        return local("eu-west-1");
    }

    @Test
    void beans_localEndpoint_createsEveryClientAndTheyReachTheEndpoint() {
        local().run(context -> {
            assertThat(context).hasSingleBean(RekognitionClient.class).hasSingleBean(RekognitionAsyncClient.class)
                .hasSingleBean(RekofaceClient.class).hasSingleBean(RekofaceAsyncClient.class)
                .hasSingleBean(S3Images.class).hasSingleBean(RekofaceS3Clients.class);
            RekognitionClient sdk = context.getBean(RekognitionClient.class);
            assertThat(sdk.serviceClientConfiguration().region()).isEqualTo(Region.EU_WEST_1);
            assertThat(sdk.serviceClientConfiguration().endpointOverride()).contains(emulator.endpoint());
            assertThat(sdk.serviceClientConfiguration().overrideConfiguration().retryStrategy())
                .as("rekoface retries, so the SDK client it builds does not").hasValueSatisfying(r -> assertThat(r.maxAttempts()).isEqualTo(1));

            assertThat(context.getBean(RekofaceClient.class).detectFaces(obama)).hasSize(1);
            assertThat(context.getBean(RekofaceAsyncClient.class).detectFaces(obama).join()).hasSize(1);
            assertThat(emulator.counters().requests(Operation.DETECT_FACES)).isEqualTo(2);
        });
    }

    @Test
    void enabled_false_createsNoBean() {
        local().withPropertyValues("rekoface.enabled=false").run(context -> assertThat(context)
            .hasNotFailed().doesNotHaveBean(RekofaceClient.class).doesNotHaveBean(RekognitionClient.class)
            .doesNotHaveBean(S3Images.class).doesNotHaveBean(RekofaceProperties.class));
    }

    @Test
    void rekofaceAbsent_createsNoBean() {
        local().withClassLoader(new FilteredClassLoader(RekofaceClient.class)).run(context -> assertThat(context)
            .hasNotFailed().doesNotHaveBean(RekognitionClient.class).doesNotHaveBean(RekofaceProperties.class));
    }

    @Test
    void s3Images_rekofaceS3Absent_isNotCreatedButTheClientsAre() {
        local().withClassLoader(new FilteredClassLoader(S3Images.class)).run(context -> assertThat(context)
            .hasNotFailed().doesNotHaveBean(S3Images.class).doesNotHaveBean(RekofaceS3Clients.class)
            .hasSingleBean(RekofaceClient.class));
    }

    @Test
    void s3Images_disabled_isNotCreated() {
        local().withPropertyValues("rekoface.s3.enabled=false").run(context -> assertThat(context)
            .hasNotFailed().doesNotHaveBean(S3Images.class).hasSingleBean(RekofaceAsyncClient.class));
    }

    @Test
    void s3Images_endpointAndRegion_configureItsS3ClientWithPathStyle() {
        local().withPropertyValues("rekoface.s3.endpoint=http://127.0.0.1:9", "rekoface.s3.region=eu-central-1").run(context -> {
            S3Client s3 = context.getBean(S3Images.class).s3Client();
            assertThat(s3).isSameAs(context.getBean(RekofaceS3Clients.class).s3Client());
            assertThat(s3.serviceClientConfiguration().endpointOverride()).contains(URI.create("http://127.0.0.1:9"));
            assertThat(s3.serviceClientConfiguration().region()).isEqualTo(Region.EU_CENTRAL_1);
        });
    }

    @Test
    void s3Images_noS3Region_takesRekognitionsRegion() {
        local().run(context -> assertThat(context.getBean(S3Images.class).s3Client().serviceClientConfiguration().region())
            .isEqualTo(Region.EU_WEST_1));
    }

    @Test
    void rekofaceClient_userBean_backsOff() {
        local().withUserConfiguration(UserRekofaceClient.class).run(context -> {
            assertThat(context).hasSingleBean(RekofaceClient.class);
            assertThat(context.getBean(RekofaceClient.class)).isSameAs(context.getBean("myRekoface"));
            assertThat(context).hasSingleBean(RekofaceAsyncClient.class);
        });
    }

    @Test
    void s3Images_userBean_backsOffWithItsClients() {
        local().withUserConfiguration(UserS3Images.class).run(context -> {
            assertThat(context).hasSingleBean(S3Images.class).doesNotHaveBean(RekofaceS3Clients.class);
            assertThat(context.getBean(S3Images.class)).isSameAs(context.getBean("myS3Images"));
        });
    }

    @Test
    void rekognitionClient_userBeanThatRetries_isWrappedAndRekofaceAddsNoRetries() {
        emulator.setFaults(Operation.DETECT_FACES, FaultProfile.builder().internalErrorRate(1.0).build());
        local().withPropertyValues("rekoface.retry.backoff.type=none").withUserConfiguration(UserSdkClient.class).run(context -> {
            assertThat(context).hasSingleBean(RekognitionClient.class);
            assertThatThrownBy(() -> context.getBean(RekofaceClient.class).detectFaces(obama)).isInstanceOf(RekofaceException.class);
            assertThat(emulator.counters().requests(Operation.DETECT_FACES)).as("the user's client's 2 attempts, not 2 x 5")
                .isEqualTo(2);
        });
    }

    @Test
    void retry_maxAttempts_appliesToTheClientsTheStarterBuilds() {
        emulator.setFaults(Operation.DETECT_FACES, FaultProfile.builder().internalErrorRate(1.0).build());
        local().withPropertyValues("rekoface.retry.max-attempts=3", "rekoface.retry.backoff.type=none",
            "rekoface.circuit-breaker.enabled=false").run(context -> {
            assertThatThrownBy(() -> context.getBean(RekofaceClient.class).detectFaces(obama)).isInstanceOf(RekofaceException.class);
            assertThat(emulator.counters().requests(Operation.DETECT_FACES)).isEqualTo(3);
            assertThatThrownBy(() -> context.getBean(RekofaceAsyncClient.class).detectFaces(obama).join())
                .isInstanceOf(CompletionException.class).hasCauseInstanceOf(RekofaceException.class);
            assertThat(emulator.counters().requests(Operation.DETECT_FACES)).isEqualTo(6);
        });
    }

    @Test
    void customizers_syncAsyncAndS3_areAppliedAfterTheProperties() {
        runner.withPropertyValues("rekoface.endpoint=http://127.0.0.1:9", "rekoface.region=eu-west-1",
            "rekoface.credentials.access-key=test", "rekoface.credentials.secret-key=test")
            .withUserConfiguration(Customizers.class).run(context -> {
                RekognitionClient sdk = context.getBean(RekognitionClient.class);
                assertThat(sdk.serviceClientConfiguration().overrideConfiguration().apiCallTimeout()).contains(Duration.ofSeconds(7));
                assertThat(context.getBean(RekognitionAsyncClient.class).serviceClientConfiguration().overrideConfiguration()
                    .apiCallTimeout()).contains(Duration.ofSeconds(8));
                assertThat(context.getBean(S3Images.class).s3Client().serviceClientConfiguration().region())
                    .isEqualTo(Region.AP_SOUTHEAST_2);
                // The customizers moved both clients from the dead endpoint of the properties to the emulator.
                assertThat(context.getBean(RekofaceClient.class).detectFaces(obama)).hasSize(1);
                assertThat(context.getBean(RekofaceAsyncClient.class).detectFaces(obama).join()).hasSize(1);
                assertThat(emulator.counters().requests(Operation.DETECT_FACES)).isEqualTo(2);
            });
    }

    @Test
    void metricsListenerBean_receivesTheCallsOfBothClients() {
        local().withUserConfiguration(ListenerBean.class).run(context -> {
            context.getBean(RekofaceClient.class).detectFaces(obama);
            context.getBean(RekofaceAsyncClient.class).detectFaces(obama).join();
            OperationMetrics.Counts counts = context.getBean(OperationMetrics.class).counts(Operation.DETECT_FACES);
            assertThat(counts.calls()).isEqualTo(2);
            assertThat(counts.attempts()).isEqualTo(2);
        });
    }

    @Test
    void builderCustomizer_isAppliedToBothClientsAfterTheProperties() {
        emulator.setFaults(Operation.DETECT_FACES, FaultProfile.builder().internalErrorRate(1.0).build());
        local().withPropertyValues("rekoface.retry.max-attempts=4", "rekoface.retry.backoff.type=none")
            .withBean(RekofaceBuilderCustomizer.class, () -> b -> b.retryPolicy(RetryPolicy.none())).run(context -> {
                assertThatThrownBy(() -> context.getBean(RekofaceClient.class).detectFaces(obama)).isInstanceOf(RekofaceException.class);
                assertThatThrownBy(() -> context.getBean(RekofaceAsyncClient.class).detectFaces(obama).join())
                    .hasCauseInstanceOf(RekofaceException.class);
                assertThat(emulator.counters().requests(Operation.DETECT_FACES)).as("one attempt per call, not four").isEqualTo(2);
            });
    }

    @Test
    void credentials_staticKeys_areUsedBySdkClients() {
        local().withPropertyValues("rekoface.credentials.session-token=token").run(context -> {
            AwsCredentials c = ((AwsCredentialsProvider) context.getBean(RekognitionClient.class).serviceClientConfiguration()
                .credentialsProvider()).resolveCredentials();
            assertThat(c).isInstanceOf(AwsSessionCredentials.class);
            assertThat(c.accessKeyId()).isEqualTo("test");
            assertThat(((AwsSessionCredentials) c).sessionToken()).isEqualTo("token");
        });
    }

    @Test
    void credentials_providerBeanAndNoKeys_isUsedByEveryClient() {
        runner.withPropertyValues("rekoface.endpoint=" + emulator.endpoint(), "rekoface.region=eu-west-1")
            .withUserConfiguration(UserCredentials.class).run(context -> {
                AwsCredentialsProvider bean = context.getBean(AwsCredentialsProvider.class);
                assertThat(context.getBean(RekognitionClient.class).serviceClientConfiguration().credentialsProvider()).isSameAs(bean);
                assertThat(context.getBean(RekognitionAsyncClient.class).serviceClientConfiguration().credentialsProvider()).isSameAs(bean);
                assertThat(context.getBean(S3Images.class).s3Client().serviceClientConfiguration().credentialsProvider()).isSameAs(bean);
            });
    }

    @Test
    void credentials_neitherKeysNorBean_leavesTheSdkDefaultChain() {
        runner.withPropertyValues("rekoface.endpoint=" + emulator.endpoint(), "rekoface.region=eu-west-1").run(context ->
            assertThat(context.getBean(RekognitionClient.class).serviceClientConfiguration().credentialsProvider().getClass()
                .getSimpleName()).isEqualTo("DefaultCredentialsProvider"));
    }

    @Test
    void region_notSet_comesFromTheSdkRegionChain() {
        String previous = System.setProperty("aws.region", "ap-northeast-1");
        try {
            runner.withPropertyValues("rekoface.credentials.access-key=test", "rekoface.credentials.secret-key=test")
                .run(context -> {
                    assertThat(context.getBean(RekognitionClient.class).serviceClientConfiguration().region())
                        .isEqualTo(Region.AP_NORTHEAST_1);
                    assertThat(context.getBean(S3Images.class).s3Client().serviceClientConfiguration().region())
                        .isEqualTo(Region.AP_NORTHEAST_1);
                });
        } finally {
            if (previous == null) {
                System.clearProperty("aws.region");
            } else {
                System.setProperty("aws.region", previous);
            }
        }
    }

    @Test
    void close_context_closesTheSdkClientsTheStarterBuilt() {
        RekognitionClient[] sdk = new RekognitionClient[1];
        RekognitionAsyncClient[] async = new RekognitionAsyncClient[1];
        S3Client[] s3 = new S3Client[1];
        local().run(context -> {
            sdk[0] = context.getBean(RekognitionClient.class);
            async[0] = context.getBean(RekognitionAsyncClient.class);
            s3[0] = context.getBean(S3Images.class).s3Client();
            assertThat(sdk[0].listCollections().collectionIds()).isEmpty();
        });
        assertThatThrownBy(() -> sdk[0].listCollections()).hasMessageContaining("shut down");
        assertThatThrownBy(() -> s3[0].listBuckets()).hasMessageContaining("shut down");
        assertThatThrownBy(() -> async[0].listCollections().join()).hasRootCauseMessage("event executor terminated");
    }

    @Test
    void close_userSdkClient_isLeftOpenByTheFacade() {
        RekognitionClient own = UserSdkClient.build();
        try {
            local().withBean(RekognitionClient.class, () -> own, d -> d.setDestroyMethodName("")).run(context ->
                assertThat(context.getBean(RekofaceClient.class).detectFaces(obama)).hasSize(1));
            assertThat(own.listCollections().collectionIds()).isEmpty();
        } finally {
            own.close();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class UserRekofaceClient {
        @Bean
        RekofaceClient myRekoface() {
            return RekofaceClient.builder().endpointOverride(emulator.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b"))).build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class UserS3Images {
        @Bean
        S3Images myS3Images() {
            return S3Images.builder().region(Region.US_EAST_1).endpointOverride(URI.create("http://127.0.0.1:9"))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b"))).build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class UserSdkClient {
        static RekognitionClient build() {
            return RekognitionClient.builder().endpointOverride(emulator.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                    .maxAttempts(2).backoffStrategy(software.amazon.awssdk.retries.api.BackoffStrategy.retryImmediately())
                    .build()))
                .build();
        }

        @Bean
        RekognitionClient myRekognition() {
            return build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Customizers {
        @Bean
        RekognitionClientCustomizer syncCustomizer() {
            return b -> b.endpointOverride(emulator.endpoint())
                .overrideConfiguration(c -> c.apiCallTimeout(Duration.ofSeconds(7)));
        }

        @Bean
        RekognitionAsyncClientCustomizer asyncCustomizer() {
            return b -> b.endpointOverride(emulator.endpoint())
                .overrideConfiguration(c -> c.apiCallTimeout(Duration.ofSeconds(8)));
        }

        @Bean
        RekofaceS3ClientCustomizer s3Customizer() {
            return b -> b.region(Region.AP_SOUTHEAST_2);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ListenerBean {
        @Bean
        OperationMetrics listenerBean() {
            return new OperationMetrics();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class UserCredentials {
        @Bean
        AwsCredentialsProvider credentialsProvider() {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create("from-bean", "secret"));
        }
    }
}
