variable "name_prefix" {
  description = "Prefix of every resource name, e.g. qnt9-dev."
  type        = string
}

variable "location" {
  description = "Azure region."
  type        = string
}

variable "resource_group_name" {
  description = "Resource group of the cluster."
  type        = string
}

variable "tenant_id" {
  description = "Entra ID tenant for Kubernetes Azure RBAC."
  type        = string
}

variable "kubernetes_version" {
  description = "AKS Kubernetes version (minor); patches follow the upgrade channel."
  type        = string
  default     = "1.31"
}

variable "sku_tier" {
  description = "Free (dev) or Standard (uptime SLA: staging, prd)."
  type        = string
  default     = "Free"
}

variable "subnet_id" {
  description = "Subnet of the node pool."
  type        = string
}

variable "node_vm_size" {
  description = "VM size of the system node pool."
  type        = string
  default     = "Standard_D2s_v5"
}

variable "os_disk_type" {
  description = "Managed, or Ephemeral for VM sizes with a cache/temp disk at least os_disk_size_gb large (e.g. Standard_D4ds_v5)."
  type        = string
  default     = "Managed"
}

variable "os_disk_size_gb" {
  description = "OS disk size of the nodes."
  type        = number
  default     = 128
}

variable "node_min_count" {
  description = "Minimum nodes (cluster autoscaler)."
  type        = number
  default     = 1
}

variable "node_max_count" {
  description = "Maximum nodes (cluster autoscaler)."
  type        = number
  default     = 3
}

variable "zones" {
  description = "Availability zones of the node pool."
  type        = list(string)
  default     = ["1", "2", "3"]
}

variable "admin_group_object_ids" {
  description = "Entra groups with cluster-admin."
  type        = list(string)
  default     = []
}

variable "log_analytics_workspace_id" {
  description = "Workspace for Container Insights and Defender for Containers."
  type        = string
}

variable "acr_id" {
  description = "Registry the kubelet identity may pull from (AcrPull)."
  type        = string
}

variable "tags" {
  description = "Tags for every resource."
  type        = map(string)
  default     = {}
}
