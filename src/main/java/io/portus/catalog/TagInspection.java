package io.portus.catalog;

import io.portus.account.User;
import io.portus.catalog.internal.TagInspector;
import io.portus.common.NotFoundException;
import io.portus.namespace.RegistryService;
import io.portus.storage.Digest;
import org.springframework.stereotype.Service;

/**
 * The tag page's content: whoever may see the tag's repository ({@link CatalogService#tag}; anonymous visitors
 * only in public namespaces) sees its manifest, config, layers, platforms and referrers, read from the registry.
 */
@Service
public class TagInspection {

    private final CatalogService catalog;
    private final RegistryService registries;
    private final TagInspector inspector;

    TagInspection(CatalogService catalog, RegistryService registries, TagInspector inspector) {
        this.catalog = catalog;
        this.registries = registries;
        this.inspector = inspector;
    }

    /**
     * @param actor    null for an anonymous visitor
     * @param platform the digest of one platform of the tag's index to show, or null for the tag's manifest
     */
    public TagDetails details(User actor, long tagId, String platform) {
        TagView tag = catalog.tag(actor, tagId);
        if (platform != null && !Digest.isDigest(platform)) {
            throw new NotFoundException("Not found");
        }
        RepositoryView repo = catalog.repository(actor, tag.repositoryId());
        return inspector.inspect(registries.get(repo.registryId()), repo.fullName(), tag, platform);
    }
}
