# One QNT9 environment: resource group, network, registry, monitoring, AKS, Key Vault with the workload
# identity, PostgreSQL, Redis (shared rate limits), and the GitHub deploy identity. envs/<env> call this with their sizes.
locals {
  name_prefix = "qnt9-${var.environment}"
  tags = merge(var.tags, {
    application = "qnt9-srs"
    environment = var.environment
    managed-by  = "terraform"
  })
}

resource "azurerm_resource_group" "this" {
  name     = "rg-${local.name_prefix}"
  location = var.location
  tags     = local.tags
}

module "network" {
  source              = "../network"
  name_prefix         = local.name_prefix
  location            = var.location
  resource_group_name = azurerm_resource_group.this.name
  address_space       = var.address_space
  tags                = local.tags
}

module "acr" {
  source              = "../acr"
  name                = replace("${local.name_prefix}acr", "-", "")
  location            = var.location
  resource_group_name = azurerm_resource_group.this.name
  sku                 = var.acr_sku
  tags                = local.tags
}

module "monitoring" {
  source              = "../monitoring"
  name_prefix         = local.name_prefix
  location            = var.location
  resource_group_name = azurerm_resource_group.this.name
  log_retention_days  = var.log_retention_days
  daily_quota_gb      = var.log_daily_quota_gb
  alert_email         = var.alert_email
  alert_webhook_url   = var.alert_webhook_url
  public_base_url     = var.public_base_url
  postgres_server_id  = module.postgres.id
  aks_cluster_id      = module.aks.id
  tags                = local.tags
}

module "aks" {
  source                     = "../aks"
  name_prefix                = local.name_prefix
  location                   = var.location
  resource_group_name        = azurerm_resource_group.this.name
  tenant_id                  = var.tenant_id
  kubernetes_version         = var.kubernetes_version
  sku_tier                   = var.aks_sku_tier
  subnet_id                  = module.network.aks_subnet_id
  node_vm_size               = var.aks_node_vm_size
  node_min_count             = var.aks_node_min_count
  node_max_count             = var.aks_node_max_count
  admin_group_object_ids     = var.admin_group_object_ids
  log_analytics_workspace_id = module.monitoring.log_analytics_workspace_id
  acr_id                     = module.acr.id
  tags                       = local.tags
}

module "keyvault" {
  source               = "../keyvault"
  name_prefix          = local.name_prefix
  location             = var.location
  resource_group_name  = azurerm_resource_group.this.name
  tenant_id            = var.tenant_id
  oidc_issuer_url      = module.aks.oidc_issuer_url
  kubernetes_namespace = var.kubernetes_namespace
  allowed_subnet_ids   = [module.network.aks_subnet_id]
  allowed_ip_ranges    = var.key_vault_allowed_ip_ranges
  purge_protection     = var.environment != "dev"
  tags                 = local.tags
}

module "postgres" {
  source                = "../postgres"
  name_prefix           = local.name_prefix
  location              = var.location
  resource_group_name   = azurerm_resource_group.this.name
  tenant_id             = var.tenant_id
  vnet_id               = module.network.vnet_id
  subnet_id             = module.network.postgres_subnet_id
  key_vault_id          = module.keyvault.id
  entra_admin_object_id = var.postgres_admin_group_object_id
  entra_admin_name      = var.postgres_admin_group_name
  sku_name              = var.postgres_sku
  storage_mb            = var.postgres_storage_mb
  backup_retention_days = var.postgres_backup_retention_days
  geo_redundant_backup  = var.postgres_geo_redundant_backup
  high_availability     = var.postgres_high_availability
  tags                  = local.tags
}

module "redis" {
  source              = "../redis"
  name_prefix         = local.name_prefix
  location            = var.location
  resource_group_name = azurerm_resource_group.this.name
  vnet_id             = module.network.vnet_id
  subnet_id           = module.network.private_endpoints_subnet_id
  key_vault_id        = module.keyvault.id
  sku_name            = var.redis_sku_name
  capacity            = var.redis_capacity
  tags                = local.tags
}

module "github_oidc" {
  source              = "../github_oidc"
  name_prefix         = local.name_prefix
  location            = var.location
  resource_group_name = azurerm_resource_group.this.name
  github_repository   = var.github_repository
  github_environments = var.github_environments
  acr_id              = module.acr.id
  aks_cluster_id      = module.aks.id
  tags                = local.tags
}
