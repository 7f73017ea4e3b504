package io.portus.storage;

class InMemoryBlobStoreTest extends BlobStoreContract {

    @Override
    protected BlobStore newStore() {
        return new InMemoryBlobStore();
    }
}
