variable "name_prefix" {
  description = "Prefix of every resource name, e.g. qnt9-dev."
  type        = string
}

variable "location" {
  description = "Azure region."
  type        = string
}

variable "resource_group_name" {
  description = "Resource group of the network."
  type        = string
}

variable "address_space" {
  description = "VNet CIDR (a /16): AKS gets the first /20, PostgreSQL and private endpoints a /24 each."
  type        = string
}

variable "tags" {
  description = "Tags for every resource."
  type        = map(string)
  default     = {}
}
