# The identity GitHub Actions deploys with: a user-assigned managed identity whose federated credentials
# trust GitHub's OIDC tokens for this repository's environment only. No client secret exists anywhere;
# the workflows log in with azure/login (client-id, tenant-id, subscription-id) and `id-token: write`.
resource "azurerm_user_assigned_identity" "deploy" {
  name                = "${var.name_prefix}-github-deploy"
  location            = var.location
  resource_group_name = var.resource_group_name
  tags                = var.tags
}

resource "azurerm_federated_identity_credential" "environment" {
  for_each            = toset(var.github_environments)
  name                = "github-${replace(var.github_repository, "/", "-")}-${each.value}"
  resource_group_name = var.resource_group_name
  parent_id           = azurerm_user_assigned_identity.deploy.id
  audience            = ["api://AzureADTokenExchange"]
  issuer              = "https://token.actions.githubusercontent.com"
  subject             = "repo:${var.github_repository}:environment:${each.value}"
}

# Push images (ci.yml, release.yml).
resource "azurerm_role_assignment" "acr_push" {
  scope                = var.acr_id
  role_definition_name = "AcrPush"
  principal_id         = azurerm_user_assigned_identity.deploy.principal_id
}

# Fetch a user kubeconfig and deploy with Kubernetes Azure RBAC (cd.yml).
resource "azurerm_role_assignment" "aks_user" {
  scope                = var.aks_cluster_id
  role_definition_name = "Azure Kubernetes Service Cluster User Role"
  principal_id         = azurerm_user_assigned_identity.deploy.principal_id
}

resource "azurerm_role_assignment" "aks_writer" {
  scope                = var.aks_cluster_id
  role_definition_name = "Azure Kubernetes Service RBAC Admin"
  principal_id         = azurerm_user_assigned_identity.deploy.principal_id
}
