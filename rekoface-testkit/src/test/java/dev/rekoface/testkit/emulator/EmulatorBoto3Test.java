package dev.rekoface.testkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import dev.rekoface.testkit.fixtures.Fixtures;
import dev.rekoface.testkit.junit.LocalRekognition;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** boto3 against the emulator, with only {@code endpoint_url} changed. */
@LocalRekognition
class EmulatorBoto3Test {
    private static final String SCRIPT = String.join("\n",
        "import boto3, json, sys",
        "from botocore.exceptions import ClientError",
        "r = boto3.client('rekognition', endpoint_url=sys.argv[1], region_name='us-east-1')",
        "out = {}",
        "r.create_collection(CollectionId='py')",
        "for name in ('family-1128316.jpg', 'two_people.jpg'):",
        "    r.index_faces(CollectionId='py', Image={'Bytes': open(name, 'rb').read()}, ExternalImageId=name)",
        "pages = list(r.get_paginator('list_faces').paginate(CollectionId='py', PaginationConfig={'PageSize': 2}))",
        "out['pages'] = len(pages)",
        "out['faces'] = sum(len(p['Faces']) for p in pages)",
        "cmp = r.compare_faces(SourceImage={'Bytes': open('obama.jpg', 'rb').read()}, TargetImage={'Bytes': open('two_people.jpg', 'rb').read()})",
        "out['matches'] = len(cmp['FaceMatches'])",
        "out['unmatched'] = len(cmp['UnmatchedFaces'])",
        "det = r.detect_faces(Image={'Bytes': open('obama.jpg', 'rb').read()}, Attributes=['ALL'])",
        "out['gender'] = det['FaceDetails'][0]['Gender']['Value']",
        "r.create_user(CollectionId='py', UserId='someone')",
        "out['users'] = [u['UserId'] for u in r.list_users(CollectionId='py')['Users']]",
        "try:",
        "    r.describe_collection(CollectionId='missing')",
        "except ClientError as e:",
        "    out['error'] = e.response['Error']['Code']",
        "    out['status'] = e.response['ResponseMetadata']['HTTPStatusCode']",
        "print(json.dumps(out))");

    @Test
    void boto3_commonCalls_work(RekognitionEmulator emu, @TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(ExternalTools.onPath("python3").isPresent(), "python3 is not on the PATH; skipping the boto3 test");
        ExternalTools.Result probe = ExternalTools.run(dir, List.of("python3", "-c", "import boto3"));
        Assumptions.assumeTrue(probe.exitCode() == 0, "boto3 is not installed for python3; skipping the boto3 test");
        for (String name : List.of("obama.jpg", "two_people.jpg", "family-1128316.jpg")) {
            Fixtures.image(name).writeTo(dir);
        }
        ExternalTools.Result r = ExternalTools.run(dir, List.of("python3", "-c", SCRIPT, emu.endpoint().toString()));
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        JsonNode out = new ObjectMapper().readTree(r.stdout());
        assertThat(out.get("faces").asInt()).isEqualTo(5);
        assertThat(out.get("pages").asInt()).isEqualTo(3);
        assertThat(out.get("matches").asInt()).isEqualTo(1);
        assertThat(out.get("unmatched").asInt()).isEqualTo(1);
        assertThat(out.get("gender").asString()).isEqualTo("Male");
        assertThat(out.get("users").get(0).asString()).isEqualTo("someone");
        assertThat(out.get("error").asString()).isEqualTo("ResourceNotFoundException");
        assertThat(out.get("status").asInt()).isEqualTo(400);
    }
}
